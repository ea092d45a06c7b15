import sys

from benchmark.editions import main

sys.exit(main())
