DiffCommand.main()
