"""The words the core knows, each list defined once: months and weekdays, number words,
countries, nationalities, organisations and cities, speech and reporting verbs, role and
office words with honorifics, abbreviations, wire-dateline patterns, and the names of
policies that texts put in quotation marks (``terms``)."""
