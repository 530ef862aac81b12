// `npm start` will open the desktop app once the Electron shell lands (see `issues`).
// Until then, point the user at what works today rather than failing obscurely.
console.log(`Packdesk's desktop window is not built yet (the Electron shell issue).
Today the fulfillment core runs headless:

  npm run packdesk -- demo                 load a demo shop
  npm run packdesk -- orders --status AWAITING_SHIPMENT
  npm run packdesk -- picklist
  npm run packdesk -- pack ORDER --scan CODE --scan CODE
  npm run packdesk -- --help`);
