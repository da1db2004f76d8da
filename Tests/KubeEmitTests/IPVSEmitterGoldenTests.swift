import KubeEmit
import KubePlan
import Testing

/// Every focused fixture through the IPVS emitter against `Golden/<fixture>.ipvs` (four files per node).
@Suite struct IPVSEmitterGoldenTests {
    @Test(arguments: DataplaneFixtures.all.map(\.0))
    func fixtureMatchesGolden(_ name: String) {
        guard let state = DataplaneFixtures.all.first(where: { $0.0 == name })?.1 else { return }
        DataplaneGolden.check(IPTablesEmitterGoldenTests.joined(IPVSEmitter().emit(state)), "\(name).ipvs")
    }
}
