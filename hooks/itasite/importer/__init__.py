"""From the clerk's own files to data/: a report in Word, a spreadsheet or the text of its PDF, read into
plain tables (source.py), turned into records (measures, results), written as YAML and checked."""
