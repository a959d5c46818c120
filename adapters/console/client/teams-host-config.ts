/**
 * An Adaptive Cards host config close to Teams' light theme (Segoe UI, Teams' purple accent, its
 * spacing), so a card in the playground looks as it will in Teams. Teams' own config is not published
 * as a file; these values follow the Adaptive Cards designer's "Microsoft Teams - Light" host.
 */
export const teamsHostConfig = {
  fontFamily: "'Segoe UI', system-ui, -apple-system, sans-serif",
  supportsInteractivity: true,
  spacing: { small: 4, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: "#E1DFDD" },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  containerStyles: {
    default: {
      backgroundColor: "#FFFFFF",
      foregroundColors: {
        default: { default: "#242424", subtle: "#616161" },
        accent: { default: "#4F52B2", subtle: "#6264A7" },
        attention: { default: "#C4314B", subtle: "#C4314B" },
        good: { default: "#237B4B", subtle: "#237B4B" },
        warning: { default: "#835C00", subtle: "#835C00" },
        dark: { default: "#252424", subtle: "#616161" },
        light: { default: "#FFFFFF", subtle: "#FFFFFF" },
      },
    },
    emphasis: {
      backgroundColor: "#F5F5F5",
      foregroundColors: {
        default: { default: "#242424", subtle: "#616161" },
        accent: { default: "#4F52B2", subtle: "#6264A7" },
        attention: { default: "#C4314B", subtle: "#C4314B" },
        good: { default: "#237B4B", subtle: "#237B4B" },
        warning: { default: "#835C00", subtle: "#835C00" },
        dark: { default: "#252424", subtle: "#616161" },
        light: { default: "#FFFFFF", subtle: "#FFFFFF" },
      },
    },
  },
  actions: {
    maxActions: 6,
    spacing: "default",
    buttonSpacing: 8,
    showCard: { actionMode: "inline", inlineTopMargin: 16 },
    actionsOrientation: "horizontal",
    actionAlignment: "left",
  },
  adaptiveCard: { allowCustomStyle: false },
  // A card's heading sits under the page's "Conversation" h2; without a level axe reports role=heading as incomplete.
  textBlock: { headingLevel: 3 },
  factSet: {
    title: { weight: "bolder", size: "default", color: "default", wrap: true, maxWidth: 150 },
    value: { weight: "default", size: "default", color: "default", wrap: true },
    spacing: 8,
  },
};
