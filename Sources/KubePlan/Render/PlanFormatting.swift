import KubeModel

/// Shared formatting: quantities as the API prints them, percentages, bars, times.
package enum PlanFormatting {
    /// CPU millicores as a canonical quantity (`1200m`, `4`).
    package static func cpu(_ milli: Int64) -> String { Quantity(milli: milli).description }

    /// Bytes as a canonical binary quantity (`1536Mi`, `16Gi`).
    package static func bytes(_ value: Int64) -> String { Quantity(value, format: .binarySI).description }

    /// `used / total` as a whole percentage (0 when total is 0).
    package static func percent(_ used: Int64, _ total: Int64) -> Int {
        total > 0 ? Int(used * 100 / total) : 0
    }

    /// A fixed-width ASCII bar: `[####------]`.
    package static func bar(_ used: Int64, _ total: Int64, width: Int = 10) -> String {
        let filled = total > 0 ? min(width, Int((used * Int64(width) + total - 1) / total)) : 0
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }

    /// RFC 3339 UTC (`2025-01-01T00:15:00Z`).
    package static func timestamp(_ seconds: Int64) -> String {
        let time = CivilTime(wallSeconds: seconds)
        let second = Int(((seconds % 60) + 60) % 60)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(time.year)-\(two(time.month))-\(two(time.day))T\(two(time.hour)):\(two(time.minute)):\(two(second))Z"
    }
}
