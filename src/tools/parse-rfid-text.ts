import type { TextParse } from "./define-tool.ts";
import { fieldError } from "./invalid-result.ts";

/** "serial 1412345678 210316 68T01421_V2.1", "rfidinfo 210316, UIC 68T01421_V2.1 SN 1412345678", "rfidinfo -----". */
export function parseRfidText(text: string): TextParse {
  const uic = /\bUIC\s*[:=]?\s*([0-9A-Z_.-]+)/i.exec(text)?.[1] ?? /\b[0-9A-Z]{8}_V\d+(?:\.\d+)*\b/i.exec(text)?.[0];
  const rest = text.replace(/\bUIC\s*[:=]?\s*[0-9A-Z_.-]+/i, " ").replace(/\b[0-9A-Z]{8}_V\d+(?:\.\d+)*\b/i, " ");
  const serial =
    /\b(?:serial(?:\s*(?:number|no\.?))?|s\/?n)\s*[:#]?\s*(\w+)/i.exec(rest)?.[1] ?? /\b\d{8,16}\b/.exec(rest)?.[0];
  const withoutSerial = serial ? rest.replace(serial, " ") : rest;
  const firmware =
    /\brfid(?:info|\s*firmware|\s*fw)?\s*[:=]?\s*(\d+|unknown|-{3,})/i.exec(withoutSerial)?.[1] ??
    /(?<![\w.])(\d{6}|-{3,})(?![\w.])/.exec(withoutSerial)?.[1] ??
    (/^\s*unknown\s*$/i.test(withoutSerial) ? "Unknown" : undefined);
  if (!serial && !firmware && !uic) {
    const message =
      "No serial number, RFID firmware or UIC found: expected e.g. serial 1412345678 210316 68T01421_V2.1";
    return { ok: false, errors: [fieldError("serialNumber", "missing", message)] };
  }
  return {
    ok: true,
    input: {
      ...(serial ? { serialNumber: serial } : {}),
      ...(firmware ? { rfidFirmware: firmware } : {}),
      ...(uic ? { uic } : {}),
    },
  };
}
