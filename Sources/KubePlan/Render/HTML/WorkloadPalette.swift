/// Colours for workloads on the placement page: the Okabe–Ito palette, which stays distinguishable under the
/// common colour-vision deficiencies (black left out: it is the text colour).
///
/// A page with more than seven workloads reuses the colours with a stripe and then a dot pattern, and every
/// segment also carries its workload's name as text (title, table, legend), so colour is never the only cue.
package enum WorkloadPalette {
    /// Okabe & Ito (2008): orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple.
    package static let colours = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"]

    /// The CSS classes of the workload with this index (`w3`, plus `p1`/`p2` for the patterned rounds).
    package static func classes(_ index: Int) -> String {
        let colour = "w\(index % colours.count)"
        switch (index / colours.count) % 3 {
        case 1: return colour + " p1"
        case 2: return colour + " p2"
        default: return colour
        }
    }

    /// The style rules for `w0`…`w6`, `p1` and `p2`.
    static var css: String {
        var out = ""
        for (index, colour) in colours.enumerated() { out += ".w\(index){background-color:\(colour)}\n" }
        out += ".p1{background-image:repeating-linear-gradient(45deg,rgba(0,0,0,.45) 0 2px,transparent 2px 6px)}\n"
        out += ".p2{background-image:radial-gradient(rgba(0,0,0,.5) 1.2px,transparent 1.4px);"
        out += "background-size:5px 5px}\n"
        return out
    }
}
