document.getElementById('play-tour').addEventListener('click', function () {
  void document.getElementById('product-tour').play();
});
