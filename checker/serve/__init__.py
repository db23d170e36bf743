"""``kravkoll serve``: a web page for procurement writers and an HTTP API for platforms.

The server runs on Starlette and uvicorn (the optional extra ``serve``). The event loop only
receives uploads and answers; every document is read and checked in a worker process
(:mod:`checker.serve.pool`), which is killed when it takes longer than the time limit.
Nothing a client sends is stored or logged: uploads live in memory (or in an anonymous
temporary file while a large multipart body is parsed) until the request ends.

Modules: :mod:`~checker.serve.jobs` (what a worker does, with the library functions the
command line uses), :mod:`~checker.serve.pool` (the worker processes and the bounded
queue), :mod:`~checker.serve.app` (routes, limits, headers), :mod:`~checker.serve.openapi`
(the API's description) and :mod:`~checker.serve.pages` (the page and the rule playground).
"""
