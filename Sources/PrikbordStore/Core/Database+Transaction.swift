import FoundationEssentials

extension Database {
    public enum TransactionKind: String, Sendable {
        /// Takes the write lock only when the first write happens.
        case deferred = "DEFERRED"
        /// Takes the write lock at BEGIN, so a writer waits on busy_timeout at
        /// the start instead of failing with SQLITE_BUSY halfway through.
        case immediate = "IMMEDIATE"
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back
    /// when it throws. Transactions do not nest.
    public func transaction<T>(
        _ kind: TransactionKind = .immediate, _ body: () throws -> T
    ) throws -> T {
        precondition(!isInTransaction, "transactions do not nest")
        try execute("BEGIN \(kind.rawValue)")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            // A failed COMMIT may already have ended the transaction.
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }
}
