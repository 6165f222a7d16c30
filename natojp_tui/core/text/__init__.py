"""Reading a paragraph once: sentences, quotation marks, masked narrative text, name
runs and speech verbs, for every stage of the core to share."""
