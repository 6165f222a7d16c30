"""The Textual reader. Import ``natojp_tui.tui.app`` lazily: it pulls in Textual."""
