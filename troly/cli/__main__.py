import sys

from troly.cli import main

sys.exit(main())
