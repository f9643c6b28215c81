"""`python -m sofa_scim_desktop` runs the `sofa-scim` command line."""

from sofa_scim_desktop.cli import main

raise SystemExit(main())
