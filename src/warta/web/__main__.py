from warta.web.serve import main

main()
