import "server-only";
import QRCode from "qrcode";

type Props = { value: string; label: string; className?: string };

/**
 * A QR code drawn on the server as SVG, so a printed page carries it without scripts or images
 * to load. Error correction M survives a creased or slightly smudged sheet on a notice board.
 */
export async function QrCode({ value, label, className }: Props) {
  const svg = await QRCode.toString(value, { type: "svg", errorCorrectionLevel: "M", margin: 1, color: { dark: "#000000", light: "#ffffff" } });
  return (
    // The markup is the library's own output for our URL: no user text is interpolated into it.
    <span role="img" aria-label={label} className={`block [&>svg]:size-full ${className ?? ""}`} dangerouslySetInnerHTML={{ __html: svg }} />
  );
}
