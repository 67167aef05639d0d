/* Card payment on the checkout preview page and on a wholesale order page (its due payment).
 * The form's own fields (the preview's rate lock, the order page's amount shown) are posted with it.
 *
 * With Stripe.js (real Stripe) the Payment Element collects the card and confirmPayment() pays.
 * Where only a Card Element exists (the localstripe shim used in development and tests), the card
 * is tokenised by Stripe.js, the intent confirmed by our server, and confirmCardPayment()
 * handles any 3-D Secure step. Either way the card number goes to Stripe, never to our server.
 */
(function () {
  "use strict";
  var form = document.getElementById("payment-form");
  if (!form || typeof Stripe === "undefined") {
    return;
  }
  var message = document.getElementById("payment-message");
  var button = document.getElementById("pay-button");
  var stripe = Stripe(form.dataset.publishableKey, { locale: form.dataset.locale });
  var hasPaymentElement = typeof stripe.confirmPayment === "function";
  var elements;
  var card;

  if (hasPaymentElement) {
    elements = stripe.elements({
      mode: "payment",
      amount: parseInt(form.dataset.amount, 10),
      currency: form.dataset.currency,
    });
    elements.create("payment").mount("#card-element");
  } else {
    elements = stripe.elements();
    card = elements.create("card");
    card.mount("#card-element");
  }

  async function startPayment(extra) {
    var body = new FormData(form);
    Object.keys(extra).forEach(function (key) {
      body.append(key, extra[key]);
    });
    var response = await fetch(form.dataset.startUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
    });
    var data = await response.json();
    if (!response.ok) {
      throw new Error(data.error);
    }
    return data;
  }

  async function payWithPaymentElement() {
    var submitted = await elements.submit();
    if (submitted.error) {
      throw submitted.error;
    }
    var data = await startPayment({});
    if (data.status === "succeeded") {
      window.location.assign(data.return_url);
      return;
    }
    var result = await stripe.confirmPayment({
      elements: elements,
      clientSecret: data.client_secret,
      confirmParams: { return_url: data.return_url },
    });
    if (result.error) {
      window.location.assign(data.return_url);  // the server records the failure
    }
  }

  async function payWithCardElement() {
    var tokenised = await stripe.createToken(card);
    if (tokenised.error) {
      throw new Error(tokenised.error.message);
    }
    var data = await startPayment({ payment_method: tokenised.token.card.id });
    if (data.status === "requires_action") {
      await stripe.confirmCardPayment(data.client_secret);
    }
    window.location.assign(data.return_url);
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    button.disabled = true;
    message.textContent = "";
    try {
      await (hasPaymentElement ? payWithPaymentElement() : payWithCardElement());
    } catch (error) {
      message.textContent = error.message || String(error);
      button.disabled = false;
    }
  });
})();
