from boardroom.cli import main

raise SystemExit(main())
