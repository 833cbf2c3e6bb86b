"""python -m hsm_guide"""

from hsm_guide.entry import main

main()
