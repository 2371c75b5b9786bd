/// Reading a token as a number on its bytes.
extension TokenText {
    /// `Int(string(index))`, read on the token's bytes: an optional sign, then decimal digits, nil on
    /// anything else or on overflow. Making a `String` per number cost more than the date rules using it.
    func integer(_ index: Int) -> Int? {
        guard index >= 0, index < tokens.count else { return nil }
        let token = tokens[index]
        return bytes.withUnsafeBufferPointer { ASCIIInteger.parse($0, token.start..<token.end) }
    }
}
