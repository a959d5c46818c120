import { describe, expect, it } from "vitest";
import { rfidAgeTool } from "../../src/tools/rfid-age.ts";

describe("RFID hardware age: the guide's note", () => {
  it.each(["1312345678", "1412345678"])(
    "SN %s with firmware 210316 / UIC 68T01421_V2.1 is too old for PCI updates",
    (sn) => {
      const r = rfidAgeTool.fromText(`serial ${sn} 210316 68T01421_V2.1`);
      expect(r.verdict).toBe("problem");
      expect(r.summary).toBe("Hardware too old for PCI updates: consider station head replacement.");
      expect(r.figures).toEqual([
        { label: "Serial number", value: `${sn} (older CT4000: 13XXXXXXXX / 14XXXXXXXX)` },
        { label: "RFID firmware", value: "210316" },
        { label: "UIC", value: "68T01421_V2.1" },
      ]);
    },
  );

  it("reads the Get Latest Status form: rfidinfo 210316, UIC 68T01421_V2.1", () => {
    const r = rfidAgeTool.fromText("rfidinfo 210316, UIC 68T01421_V2.1 SN 1412345678");
    expect(r.data).toEqual({ oldHardware: true });
  });

  it("the guide's good status on a newer serial is not the old hardware", () => {
    const r = rfidAgeTool.fromText("rfidinfo 210326, UIC 68FCA911_V1.1 SN 220741018018");
    expect(r.verdict).toBe("ok");
    expect(r.summary).toBe("Not the older RFID hardware the guide's note describes.");
  });

  it("an old serial with newer firmware does not match the note", () => {
    expect(rfidAgeTool.fromText("serial 1412345678 210326").verdict).toBe("ok");
  });
});

describe("RFID hardware age: partial information", () => {
  it("an old serial alone asks for the RFID firmware", () => {
    const r = rfidAgeTool.fromText("SN 1312345678");
    expect(r.verdict).toBe("warning");
    expect(r.next[0]).toMatch(/210316 \/ UIC 68T01421_V2\.1/);
  });

  it("old firmware alone asks for the serial number", () => {
    expect(rfidAgeTool.fromText("210316").summary).toMatch(/check the serial number/);
  });

  it("old firmware on a newer serial says the note covers older CT4000 stations only", () => {
    const r = rfidAgeTool.fromText("serial 220741018018 210316");
    expect(r.verdict).toBe("warning");
    expect(r.next[0]).toMatch(/older CT4000 stations only/);
  });

  it.each(["rfidinfo Unknown", "rfidinfo -----", "Unknown"])(
    "%s: the reader is not responding, reboot and wait 5 minutes",
    (text) => {
      const r = rfidAgeTool.fromText(text);
      expect(r.verdict).toBe("problem");
      expect(r.next.join(" ")).toMatch(/soft reboot.*Wait 5 minutes.*contact Support/);
    },
  );
});

describe("RFID hardware age: bad input", () => {
  it("a serial with letters, a bad UIC and nothing at all are named", () => {
    expect(rfidAgeTool.fromText("serial 13abc").errors[0]!.message).toBe(
      `serialNumber must be the station's serial number, 6 to 16 digits (e.g. 1412345678); got "13abc"`,
    );
    expect(rfidAgeTool.run({ uic: "68T0" }).errors[0]!.message).toBe('uic must look like 68T01421_V2.1; got "68T0"');
    expect(rfidAgeTool.fromText("hello").errors[0]!.message).toBe(
      "No serial number, RFID firmware or UIC found: expected e.g. serial 1412345678 210316 68T01421_V2.1",
    );
    expect(rfidAgeTool.run({}).errors[0]!.message).toMatch(/^Nothing to check/);
  });
});
