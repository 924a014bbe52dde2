// Scanning a QR code with the phone's camera where the browser can (BarcodeDetector): the code read fills the
// field and the form is sent. Elsewhere the button stays hidden and the code is typed.
(function () {
  const button = document.querySelector('[data-scan]');
  if (!button || !('BarcodeDetector' in window) || !navigator.mediaDevices) return;
  const field = document.getElementById(button.dataset.scan);
  const video = document.getElementById('scan-video');
  button.hidden = false;
  button.addEventListener('click', async () => {
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch (e) {
      return; // no camera, or not allowed: the code is typed
    }
    const detector = new BarcodeDetector({ formats: ['qr_code'] });
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    const stop = () => { stream.getTracks().forEach(t => t.stop()); video.hidden = true; };
    const look = async () => {
      const codes = await detector.detect(video).catch(() => []);
      if (codes.length) {
        stop();
        field.value = codes[0].rawValue;
        field.form.submit();
      } else if (!video.hidden) {
        requestAnimationFrame(look);
      }
    };
    look();
  });
})();
