// CP-1 on Stripe: the customer's bank confirms the payment that awaited it, with Stripe.js's
// own step (confirmCardPayment and the PaymentIntent's client secret). Whether it went through
// is then asked of Stripe by the server when the form is sent: nothing here is trusted.
(function () {
  "use strict";
  var form = document.getElementById("confirm");
  if (!form || typeof Stripe !== "function" || !form.dataset.secret) { return; }
  var stripe = Stripe(form.dataset.key);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    // The card it was tried with: after an off-session failure the intent waits for one.
    stripe.confirmCardPayment(form.dataset.secret,
                              { payment_method: form.dataset.method }).then(function () {
      form.submit();  // succeeded or not, the server asks Stripe and says which
    });
  });
}());
