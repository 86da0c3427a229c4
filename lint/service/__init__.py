"""The factlint service: a warm per-user process that holds spaCy and the packs.

A Python process that imports spaCy and loads a pipeline spends seconds before
it reads a draft; a pre-commit hook cannot pay that on every commit. The
``factlint`` command is therefore a thin client (``client``, standard library
only) that hands a ``check`` to the service over a Unix socket and relays its
output; the service (``daemon``) runs the very same CLI code in-process with a
warm engine. It is started on first use, stopped after ``FACTLINT_SERVICE_IDLE``
seconds without work, and replaced when factlint itself changes. When it cannot
be used, the client checks in-process: the service makes runs faster, never
different.

Only the user who started it can talk to it: the socket lives in a directory
only they can enter, and the service checks each peer's uid.
"""
