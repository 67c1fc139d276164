"""The `newsroom` command: one module per subcommand, argument parsing in main.py."""
