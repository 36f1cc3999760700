import Foundation
import PrikbordKiosk

exit(KioskMain.run(arguments: Array(CommandLine.arguments.dropFirst())))
