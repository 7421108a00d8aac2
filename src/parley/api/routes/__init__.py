"""One module per resource. A handler parses input, checks who is asking, makes one service
call and shapes the answer."""
