package vn.phaodai.vaccination.certificates;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class QrImageTest {

    /**
     * Every signature makes a different code, so one address is not enough: 200 random ones of the real length must
     * all read back. (zxing's camera detector, run on a perfect synthetic image, mistakes data for a finder pattern
     * on about 2 % of them; the image is the whole code, so it is read as one.)
     */
    @Test
    void everyVerificationAddressReadsBackFromItsImage() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] token = new byte[97];
            random.nextBytes(token);
            String url = "https://phaodai.example.gov.vn/verify/" + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
            assertThat(read(QrImage.png(url))).as(url).isEqualTo(url);
        }
    }

    static String read(byte[] png) throws Exception {
        return read(ImageIO.read(new ByteArrayInputStream(png)));
    }

    static String read(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
