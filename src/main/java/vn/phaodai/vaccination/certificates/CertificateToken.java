package vn.phaodai.vaccination.certificates;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * What a certificate's QR code carries: the certificate, its holder and the digest of what it certifies, signed
 * (Ed25519). Base64url of version (1 byte), certificate id (8), person id (8), digest (16) and signature (64): 130
 * characters, small enough for a QR code a phone reads off paper. Not a sequence: without the key no other code verifies.
 */
record CertificateToken(long certificateId, long personId, byte[] digest) {

    static final byte VERSION = 1;
    static final int DIGEST_BYTES = 16;
    private static final int SIGNED_BYTES = 1 + 8 + 8 + DIGEST_BYTES;
    private static final int SIGNATURE_BYTES = 64;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    CertificateToken {
        if (digest.length != DIGEST_BYTES) throw new IllegalArgumentException("a digest has " + DIGEST_BYTES + " bytes");
        digest = digest.clone();
    }

    /** The signed part. */
    byte[] message() {
        return ByteBuffer.allocate(SIGNED_BYTES).put(VERSION).putLong(certificateId).putLong(personId).put(digest).array();
    }

    /** The token with the signature the signer gives its message. */
    String encode(java.util.function.UnaryOperator<byte[]> signer) {
        byte[] message = message();
        byte[] signature = signer.apply(message);
        return ENCODER.encodeToString(ByteBuffer.allocate(SIGNED_BYTES + SIGNATURE_BYTES).put(message).put(signature).array());
    }

    /** A token whose signature the key accepts, or nothing (malformed, altered, signed by another key). */
    static Optional<CertificateToken> verified(String token, CertificateKey key) {
        if (token == null || token.length() > 200) return Optional.empty();
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // Only the one spelling: a last character whose spare bits differ would otherwise decode to the same bytes.
        if (bytes.length != SIGNED_BYTES + SIGNATURE_BYTES || !ENCODER.encodeToString(bytes).equals(token)) return Optional.empty();
        byte[] message = Arrays.copyOf(bytes, SIGNED_BYTES);
        byte[] signature = Arrays.copyOfRange(bytes, SIGNED_BYTES, bytes.length);
        if (message[0] != VERSION || !key.verifies(message, signature)) return Optional.empty();
        ByteBuffer b = ByteBuffer.wrap(message, 1, SIGNED_BYTES - 1);
        long certificate = b.getLong();
        long person = b.getLong();
        byte[] digest = new byte[DIGEST_BYTES];
        b.get(digest);
        return Optional.of(new CertificateToken(certificate, person, digest));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateToken t && t.certificateId == certificateId && t.personId == personId
                && Arrays.equals(t.digest, digest);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(certificateId) * 31 + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "CertificateToken[" + certificateId + ", person " + personId + "]";
    }
}
