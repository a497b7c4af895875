"""Thai words for Material's search: boundaries marked in the index, and a query worker that cuts queries alike.

`thai.py` (build time) and `thai-query.js` (in the browser) must choose the same cut of a Thai run; they
sit side by side so a change to one is made next to the other.
"""
