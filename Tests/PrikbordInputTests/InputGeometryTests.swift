import Testing

@testable import PrikbordInput

/// A corner of the panel as it hangs on the wall, or of the logical picture.
enum Corner: CaseIterable, Sendable {
    case topLeft, topRight, bottomLeft, bottomRight

    var normalized: (x: Double, y: Double) {
        switch self {
        case .topLeft: (0, 0)
        case .topRight: (1, 0)
        case .bottomLeft: (0, 1)
        case .bottomRight: (1, 1)
        }
    }

    func point(width: Int, height: Int) -> (x: Double, y: Double) {
        (normalized.x * Double(width), normalized.y * Double(height))
    }
}

/// How a touch sensor can sit on its panel, with the matrix that corrects it
/// and the panel corner under each sensor corner.
struct SensorMounting: Sendable, CustomTestStringConvertible {
    let name: String
    let calibration: InputGeometry.Calibration
    let panelCorner: @Sendable (Corner) -> Corner

    var testDescription: String { name }

    static let all: [SensorMounting] = [
        SensorMounting(name: "aligned", calibration: .identity) { $0 },
        SensorMounting(name: "mirrored left to right", calibration: .init([-1, 0, 1, 0, 1, 0])) {
            switch $0 {
            case .topLeft: .topRight
            case .topRight: .topLeft
            case .bottomLeft: .bottomRight
            case .bottomRight: .bottomLeft
            }
        },
        SensorMounting(name: "axes swapped", calibration: .init([0, 1, 0, 1, 0, 0])) {
            switch $0 {
            case .topLeft: .topLeft
            case .topRight: .bottomLeft
            case .bottomLeft: .topRight
            case .bottomRight: .bottomRight
            }
        },
        SensorMounting(name: "upside down", calibration: .init([-1, 0, 1, 0, -1, 1])) {
            switch $0 {
            case .topLeft: .bottomRight
            case .topRight: .bottomLeft
            case .bottomLeft: .topRight
            case .bottomRight: .topLeft
            }
        },
    ]
}

/// The logical corner shown in each panel corner: the display turns the
/// picture clockwise by the rotation on its way to the panel.
func logicalCorner(at panel: Corner, rotation: InputGeometry.Rotation) -> Corner {
    let clockwise: [Corner] = [.topLeft, .topRight, .bottomRight, .bottomLeft]
    let turns = rotation.rawValue / 90
    let index = clockwise.firstIndex(of: panel)!
    return clockwise[(index - turns + 4) % 4]
}

@Suite struct InputGeometryTests {
    @Test(arguments: InputGeometry.Rotation.allCases, SensorMounting.all)
    func eachSensorCornerLandsOnTheLogicalCornerShownThere(
        rotation: InputGeometry.Rotation, mounting: SensorMounting
    ) {
        let geometry = InputGeometry(
            panelWidth: 1920, panelHeight: 1080,
            rotation: rotation, calibration: mounting.calibration
        )

        for sensor in Corner.allCases {
            let shown = logicalCorner(at: mounting.panelCorner(sensor), rotation: rotation)
            let expected = shown.point(
                width: geometry.logicalWidth, height: geometry.logicalHeight
            )
            let mapped = geometry.map(
                normalizedX: sensor.normalized.x, normalizedY: sensor.normalized.y
            )
            #expect(mapped == expected, "sensor \(sensor) should be logical \(shown)")
        }
    }

    @Test func quarterTurnMakesALandscapePanelPortrait() {
        let geometry = InputGeometry(panelWidth: 1920, panelHeight: 1080, rotation: .quarter)

        #expect(geometry.logicalWidth == 1080)
        #expect(geometry.logicalHeight == 1920)
        // The logical top-left corner lands in the panel's top-right corner.
        #expect(geometry.map(normalizedX: 1, normalizedY: 0) == (0, 0))
    }

    @Test func calibrationIsAppliedBeforeRotation() {
        // The sensor reports only the left half of the panel's width.
        let halfWidth = InputGeometry.Calibration([0.5, 0, 0, 0, 1, 0])
        let geometry = InputGeometry(
            panelWidth: 1920, panelHeight: 1080, rotation: .quarter, calibration: halfWidth
        )

        // Sensor right edge, top: panel (960, 0), which shows logical (0, 960).
        let mapped = geometry.map(normalizedX: 1, normalizedY: 0)

        #expect(mapped == (0, 960))
    }

    @Test func touchOutsideThePanelIsClampedToTheScreen() {
        let shifted = InputGeometry.Calibration([1, 0, 0.1, 0, 1, -0.1])
        let geometry = InputGeometry(panelWidth: 800, panelHeight: 480, calibration: shifted)

        let mapped = geometry.map(normalizedX: 1, normalizedY: 0)

        #expect(mapped == (800, 0))
    }
}
