import Glibc
import PrikbordKiosk

exit(KioskMain.run(arguments: Array(CommandLine.arguments.dropFirst())))
