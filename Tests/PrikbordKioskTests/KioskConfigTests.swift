import PrikbordKiosk
import Testing

struct KioskConfigTests {
    @Test func panelStaysLitUnlessAskedToBlank() throws {
        #expect(try KioskConfig.parse([]).blankAfter == nil)
    }

    /// A plain number is minutes, as a site manager says it; `s` is seconds,
    /// short enough for a test to wait for.
    @Test(arguments: [
        ("10", Duration.seconds(600)), ("1", .seconds(60)), ("10080", .seconds(604_800)),
        ("20s", .seconds(20)), ("1s", .seconds(1)), ("90s", .seconds(90)),
        ("604800s", .seconds(604_800)),
    ])
    func blankAfterReadsMinutesOrSeconds(text: String, expected: Duration) throws {
        #expect(try KioskConfig.parse(["--blank-after", text]).blankAfter == expected)
    }

    @Test(arguments: ["0", "0s"])
    func blankAfterZeroMeansNever(text: String) throws {
        #expect(try KioskConfig.parse(["--blank-after", text]).blankAfter == nil)
    }

    @Test(arguments: [
        "", "s", "20 s", "20m", "20S", "-5", "+5", "1.5", "10081", "604801s", "20ss",
        "999999999999999999", "٣",
    ])
    func badBlankAfterIsRefusedWithAMessage(text: String) throws {
        let error = #expect(throws: KioskConfig.ArgumentError.self) {
            try KioskConfig.parse(["--blank-after", text])
        }
        #expect(error?.description.hasPrefix("--blank-after is minutes or seconds") == true)
    }

    @Test func usageTellsBothUnits() {
        #expect(KioskConfig.usage.contains("--blank-after TIME"))
        #expect(KioskConfig.usage.contains("seconds with s (20s)"))
    }
}
