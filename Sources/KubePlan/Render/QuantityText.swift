/// Quantities as `PlanFormatting.cpu` and `PlanFormatting.bytes` write them, as bytes, each distinct value
/// formatted once per page (a page of 60,000 pods repeats a few dozen request sums).
final class QuantityText {
    private var cpuText: [Int64: [UInt8]] = [:]
    private var bytesText: [Int64: [UInt8]] = [:]

    func cpu(_ milli: Int64) -> [UInt8] {
        if let text = cpuText[milli] { return text }
        let text = Array(PlanFormatting.cpu(milli).utf8)
        cpuText[milli] = text
        return text
    }

    func bytes(_ value: Int64) -> [UInt8] {
        if let text = bytesText[value] { return text }
        let text = Array(PlanFormatting.bytes(value).utf8)
        bytesText[value] = text
        return text
    }
}
