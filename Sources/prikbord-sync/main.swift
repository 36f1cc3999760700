import Foundation
import PrikbordSync

exit(SyncAgentMain.run(arguments: Array(CommandLine.arguments.dropFirst())))
