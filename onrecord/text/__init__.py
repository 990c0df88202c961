"""Reading and cleaning: bytes to text (:mod:`.decode`), inputs to documents
(:mod:`.readers`), and scraping junk blanked out of the text (:mod:`.clean`)."""
