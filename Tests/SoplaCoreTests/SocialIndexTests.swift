import Foundation
import Testing
@testable import SoplaCore

@Suite("Social index")
struct SocialIndexTests {
    // Four units; x = SGB II rate (higher is worse): 10, 20, 30, 40 → mean 25, SD √125 = 11,1803 → z −1,3416, −0,4472, 0,4472, 1,3416.
    // y = another burden: 1, 1, 1, 5 → mean 2, SD √3 = 1,7321 → z −0,5774, −0,5774, −0,5774, 1,7321.
    static let now: [String: [String: Double]] = ["x": ["A": 10, "B": 20, "C": 30, "D": 40], "y": ["A": 1, "B": 1, "C": 1, "D": 5]]
    static let before: [String: [String: Double]] = ["x": ["A": 12, "B": 20, "C": 25, "D": 30], "y": ["A": 1, "B": 2, "C": 1, "D": 3]]
    static let components = [SocialIndexMethod.Component(indicatorCode: "x", weight: 1, higherIsWorse: true),
                             SocialIndexMethod.Component(indicatorCode: "y", weight: 1, higherIsWorse: true)]

    @Test func statusOnly() throws {
        let method = try SocialIndexMethod(name: "Status", components: Self.components, years: 5, statusWeight: 1).validated()
        let result = SocialIndex.compute(method, now: Self.now, before: [:])
        // Status = mean of the two z: A (−1,3416 − 0,5774)/2 = −0,9595; B −0,5123; C −0,0651; D 1,5368.
        // Standardised again (mean 0, SD 0,94197): A −1,0186, B −0,5438, C −0,0691, D 1,6315.
        let byUnit = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.unitKey, $0) })
        #expect(abs(byUnit["A"]!.status - -0.95950) < 1e-4 && abs(byUnit["D"]!.status - 1.53685) < 1e-4)
        #expect(abs(byUnit["A"]!.index - -1.01861) < 1e-4 && abs(byUnit["B"]!.index - -0.54384) < 1e-4)
        #expect(abs(byUnit["C"]!.index - -0.06908) < 1e-4 && abs(byUnit["D"]!.index - 1.63153) < 1e-4)
        // Classes at −1, 1, 1,5 SD: A below −1 → 0; B, C → 1; D above 1,5 → 3.
        #expect(result.rows.map(\.classIndex) == [0, 1, 1, 3])
        #expect(result.rows.allSatisfy { $0.dynamics == nil })
    }

    @Test func statusAndDynamicsHalfEach() throws {
        let method = try SocialIndexMethod(name: "Status und Dynamik", components: Self.components, years: 5, statusWeight: 0.5).validated()
        let result = SocialIndex.compute(method, now: Self.now, before: Self.before)
        // Changes x: −2, 0, 5, 10; y: 0, −1, 0, 2 → dynamics A −0,6784, B −0,9225, C 0,0732, D 1,5277.
        // Combined ½·status + ½·dynamics: A −0,8189, B −0,7174, C 0,0041, D 1,5323 → standardised A −0,8714, B −0,7633, C 0,0043, D 1,6304.
        let byUnit = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.unitKey, $0) })
        #expect(abs(byUnit["B"]!.dynamics! - -0.92248) < 1e-4)
        #expect(abs(byUnit["A"]!.index - -0.87137) < 1e-4 && abs(byUnit["D"]!.index - 1.63036) < 1e-4)
        #expect(result.rows.map(\.classIndex) == [1, 1, 1, 3])
    }

    @Test func lowerIsWorseFlipsTheSignAndGapsLeaveUnitsOut() throws {
        // Childcare places (lower is worse) with values mirroring x give the same index as x.
        let mirrored = SocialIndexMethod(name: "Kita", components: [.init(indicatorCode: "kita", weight: 1, higherIsWorse: false)], years: 1, statusWeight: 1)
        let result = SocialIndex.compute(mirrored, now: ["kita": ["A": 40, "B": 30, "C": 20, "D": 10, "E": 25]], before: [:])
        let plain = SocialIndex.compute(SocialIndexMethod(name: "x", components: [Self.components[0]], years: 1, statusWeight: 1),
                                        now: ["x": ["A": 10, "B": 20, "C": 30, "D": 40, "E": 25]], before: [:])
        #expect(zip(result.rows, plain.rows).allSatisfy { abs($0.index - $1.index) < 1e-12 })
        let gaps = SocialIndex.compute(SocialIndexMethod(name: "g", components: Self.components, years: 5, statusWeight: 0.5),
                                       now: ["x": ["A": 1, "B": 2, "C": 3], "y": ["A": 1, "B": 2]], before: ["x": ["A": 1, "B": 2], "y": ["A": 1, "B": 1]])
        #expect(gaps.rows.map(\.unitKey) == ["A", "B"] && gaps.leftOut == ["C": "y"])
        #expect(throws: ValidationFailure([ValidationIssue("statusWeight", .unknownValue("1.5")), ValidationIssue("classBounds", .inconsistent)])) {
            try SocialIndexMethod(name: "x", components: Self.components, years: 1, statusWeight: 1.5, classBounds: [1, -1]).validated()
        }
    }
}
