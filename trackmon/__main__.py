from trackmon.cli import main

main()
