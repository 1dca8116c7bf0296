"""The packet as a Word document (python-docx), built from the same view model as the HTML and PDF:
`packet` orders the sections, `glance` and `body` write them, `writer` appends to the document,
`styles`, `palette` and `page` hold its look, and `ooxml` the raw XML python-docx does not cover."""
