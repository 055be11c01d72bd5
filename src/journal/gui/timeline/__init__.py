"""The timeline: lazy entry list, filters, search and the entry detail pane."""
