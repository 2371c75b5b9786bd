/// Reading a token as a number on its bytes.
extension TokenText {
    /// `Int(string(index))`, read on the token's bytes: an optional sign, then decimal digits, nil on
    /// anything else or on overflow. Making a `String` per number cost more than the date rules using it.
    func integer(_ index: Int) -> Int? {
        guard index >= 0, index < tokens.count else { return nil }
        let token = tokens[index]
        guard token.start < token.end else { return nil }
        var position = token.start
        let sign = bytes[position]
        let negative = sign == UInt8(ascii: "-")
        if negative || sign == UInt8(ascii: "+") { position += 1 }
        guard position < token.end else { return nil }
        var value = 0
        while position < token.end {
            let digit = bytes[position] &- 0x30
            guard digit < 10 else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, carry) = negative ? shifted.subtractingReportingOverflow(Int(digit)) : shifted.addingReportingOverflow(Int(digit))
            guard !overflow, !carry else { return nil }
            value = next
            position += 1
        }
        return value
    }
}
