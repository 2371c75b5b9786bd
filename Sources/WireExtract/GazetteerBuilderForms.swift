/// The all-capital short-form test the gazetteer uses, for callers outside its module.
enum GazetteerBuilderForms {
    static func isAcronym(_ surface: String) -> Bool {
        let letters = surface.filter { $0 != "." && $0 != "-" }
        return !letters.isEmpty && letters.count <= 5 && letters.allSatisfy { $0.isUppercase || $0.isNumber }
    }
}
