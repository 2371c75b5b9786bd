/// Decimal integers read straight from ASCII bytes, for the date and stamp readers: making a `String`
/// per number to hand to `Int(_:)` cost more than the rules using the numbers.
enum ASCIIInteger {
    /// `Int(_:)` of `bytes[range]`: an optional sign, then decimal digits; nil on anything else (an
    /// empty range or a lone sign included) or on overflow.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var position = range.lowerBound
        guard position < range.upperBound else { return nil }
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative || bytes[position] == UInt8(ascii: "+") { position += 1 }
        guard position < range.upperBound else { return nil }
        var value = 0
        while position < range.upperBound {
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
