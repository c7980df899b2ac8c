package org.tenfour.adapters.teams;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws the two icons a Teams app package needs: a 192×192 full-colour icon and a 32×32 white
 * outline on a transparent background. Drawn headless, so no image files live in the repository.
 */
final class AppIcons {
    static final Color ACCENT = new Color(0x1F, 0x4E, 0x79);

    private AppIcons() {}

    static byte[] color() {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(192, 192, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        g.setColor(ACCENT);
        g.fillRect(0, 0, 192, 192);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 72));
        String text = "10-4";
        int width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (192 - width) / 2, 96 + g.getFontMetrics().getAscent() / 2 - 8);
        g.dispose();
        return png(image);
    }

    static byte[] outline() {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(image);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2f));
        // A speech bubble: the shape Teams shows in its app bar.
        g.drawRoundRect(3, 4, 26, 18, 8, 8);
        g.drawLine(9, 22, 7, 28);
        g.drawLine(7, 28, 14, 22);
        g.dispose();
        return png(image);
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
