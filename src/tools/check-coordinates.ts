export interface CoordinateCheck {
  verdict: "ok" | "warning" | "problem";
  figures: { label: string; value: string }[];
  /** Notes; the one that explains a warning or problem starts with "!". */
  notes: string[];
  next: string[];
}

// The team's own rule, not the guide's (the guide only says to validate the coordinates with Google
// Maps): four decimals is about 11 m, enough to find a station; fewer leaves the pin a street away.
const minDecimals = 4;
const decimals = (n: number) => (String(n).split(".")[1] ?? "").length;

/**
 * Checks a latitude / longitude pair for the Bad PinPoint article (guide, Rectify a Bad PinPoint on a
 * Station: validate the customer's coordinates with Google Maps, then re-enter them on the Configuration tab).
 */
export function checkCoordinates(
  latitude: number,
  longitude: number,
  /** Decimal places as typed, so 37.3800 counts four although the number 37.38 has two. */
  typed?: readonly [number, number],
): CoordinateCheck {
  const link = `https://www.google.com/maps?q=${latitude},${longitude}`;
  const figures = [
    { label: "Lat / Long", value: `${latitude} / ${longitude}` },
    { label: "Google Maps", value: link },
  ];
  const next = [
    `Validate the coordinates with Google Maps (${link}) against the station's exact address.`,
    "Re-enter the address, latitude and longitude on the Configuration tab and select Save at the bottom of the page.",
    "Check the station shows in the right place; if not, contact Support.",
  ];
  if (latitude === 0 && longitude === 0) {
    return {
      verdict: "problem",
      figures,
      notes: [
        "!0 / 0 is a placeholder in the Atlantic Ocean, not a station location: ask the customer for the real coordinates.",
      ],
      next,
    };
  }
  const notes: string[] = [];
  const [latDecimals, longDecimals] = typed ?? [decimals(latitude), decimals(longitude)];
  if (latDecimals < minDecimals || longDecimals < minDecimals) {
    notes.push(
      `!Team rule, not in the guide: the coordinates have fewer than ${minDecimals} decimal places, so the pin can be off by a street or more; ask for more precise coordinates (the dashboard shows 15 decimals, e.g. 37.380077000000000). The guide itself only says to validate them with Google Maps.`,
    );
    return { verdict: "warning", figures, notes, next };
  }
  return { verdict: "ok", figures, notes, next };
}
