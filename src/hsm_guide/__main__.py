"""python -m hsm_guide"""

from hsm_guide.cli import main

main()
