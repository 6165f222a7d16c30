"""Ship the top-level articles/ folder inside the wheel as ``natojp_tui.articles``."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["natojp_tui*"]), "natojp_tui.articles"],
    package_dir={"natojp_tui.articles": "articles"},
)
