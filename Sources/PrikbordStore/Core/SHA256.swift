import CSodium
import FoundationEssentials

/// SHA-256 of `data` as lower-case hex: the name of a blob.
public func sha256Hex(_ data: Data) -> String {
    var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
    data.withUnsafeBytes { bytes in
        _ = crypto_hash_sha256(
            &digest, bytes.bindMemory(to: UInt8.self).baseAddress, UInt64(bytes.count))
    }
    return digest.map { byte in
        let hex = String(byte, radix: 16)
        return byte < 16 ? "0" + hex : hex
    }.joined()
}
