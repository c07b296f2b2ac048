"""The `ambacht` command: starts the app, or does one thing from a script.

This package sits above `intake/` and `ui/`: it is the only place besides `ui/` that imports
the app, and nothing but the tests imports it. `main` parses and chooses, `parser` knows the
arguments, `common` what every command shares (exit statuses, opening, output files, who
acts), and `items`, `flow`, `files` and `figures` hold the commands by topic.

Every refusal exits with status 2 and one line on stderr and changes nothing (a wrong PIN is
counted towards the station's lock, as at the keypad). A file asked for with `--out`, `--label`
or `--note` is checked before the step runs (`intake.outfiles`); when the step was saved but
its file could not be written after all, the command exits with status 4 instead.

A command that changes data acts as the staff member whose PIN `--pin` / `AMBACHT_PIN` gives
(and `--user` names, if given), with that person's role; without either it acts as the built-in
'Command line' account, a coordinator. A name without a PIN, or an empty one, is refused.
Either way every step is attributed in the history, with this database's station.
"""
