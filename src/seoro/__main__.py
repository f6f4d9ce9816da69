from seoro.cli import main

main()
